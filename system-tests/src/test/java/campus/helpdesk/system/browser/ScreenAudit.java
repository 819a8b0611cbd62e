package campus.helpdesk.system.browser;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the audit asks of one drawn screen, measured inside the browser: axe-core's findings, boxes that reach past
 * the viewport's right edge, and the texts a person reads there (to compare one language's rendering with English's).
 */
final class ScreenAudit {

    /** WCAG 2.0 and 2.1, levels A and AA. */
    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    /**
     * The WCAG tags, and every node only for violations (a passing rule names one node): a pass carried every node it
     * checked back through the driver. Run in the page itself (the library's legacy mode), not by a second window the
     * library opens to merge the results of frames: the desk has no frames. Together a third of the audit's time.
     */
    private static final AxeRunOptions OPTIONS = options();
    private static final String AXE_SOURCE = axeSource();

    /** The axe-core script the library itself would send, from its jar. */
    private static String axeSource() {
        try (InputStream in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            return new String(Objects.requireNonNull(in, "axe.min.js").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page keeps axe-core between the screens of one load (they change by their hash), so it is sent once. */
    private static void injectAxeOnce(WebDriver driver) {
        JavascriptExecutor page = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object'"))) {
            page.executeScript(AXE_SOURCE);
        }
    }

    private static AxeRunOptions options() {
        AxeRunOnlyOptions tags = new AxeRunOnlyOptions();
        tags.setType("tag");
        tags.setValues(WCAG_TAGS);
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(tags);
        options.setResultTypes(List.of("violations"));
        return options;
    }

    private ScreenAudit() {
    }

    /** axe-core's serious and critical violations on the page as drawn, one line per rule and element. */
    static List<String> seriousViolations(Browser browser) {
        AxeBuilder axe = new AxeBuilder().withOptions(OPTIONS).setLegacyMode(true);
        axe.setInjectAxe(ScreenAudit::injectAxeOnce, false); // false: the library sends nothing itself
        Results results = axe.analyze(browser.driver);
        if (results.isErrored()) {
            return List.of("axe-core could not run: " + results.getErrorMessage());
        }
        if (results.getPasses().isEmpty()) {
            // No rule applied at all: axe looked at an empty or wrong page, which must not count as a clean one.
            return List.of("axe-core found nothing to check at " + results.getUrl());
        }
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (!BLOCKING.contains(rule.getImpact())) {
                continue;
            }
            for (CheckedNode node : rule.getNodes()) {
                found.add(rule.getId() + " (" + rule.getImpact() + ") at " + node.getTarget() + ": "
                        + firstLine(node.getFailureSummary()));
            }
        }
        return found;
    }

    /**
     * Where the page is wider than the viewport: the page itself scrolling sideways, and every visible element whose
     * box or text reaches beyond the right edge without an ancestor that scrolls or clips it on purpose (the body does
     * not count: clipping the whole page would hide the fault, not mend it). Only the outermost such element is named.
     */
    @SuppressWarnings("unchecked")
    static List<String> overflow(Browser browser) {
        return (List<String>) browser.script("""
                window.scrollTo(0, window.scrollY);
                const vw = document.documentElement.clientWidth;
                const found = [];
                const sideways = document.documentElement.scrollWidth - vw;
                if (sideways > 0) found.push(`the page scrolls ${sideways}px sideways`);
                const held = (el, self) => {
                  for (let p = self ? el : el.parentElement; p && p !== document.body; p = p.parentElement) {
                    // A clipping box that is itself past the edge (screen-reader text in a table scrolled sideways)
                    // is held by a scroll box further out, if any.
                    if (getComputedStyle(p).overflowX !== 'visible' && p.getBoundingClientRect().right <= vw + 1) {
                      return true;
                    }
                  }
                  return false;
                };
                const named = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                  + [...el.classList].map(c => '.' + c).join('')
                  + ` "${(el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 50)}"`;
                const over = [];
                for (const el of document.body.querySelectorAll('*')) {
                  if (!el.checkVisibility({ visibilityProperty: true })) continue;
                  const r = el.getBoundingClientRect();
                  if (r.width === 0 || r.height === 0 || r.right <= vw + 1) continue;
                  if (held(el) || over.some(o => o.contains(el))) continue;
                  over.push(el);
                  found.push(`${named(el)} reaches ${Math.round(r.right)}px of ${vw}px`);
                }
                // A word too long for its line spills out of a box that itself fits: its text reaches past the edge.
                const range = document.createRange();
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const el = n.parentElement;
                  if (!el || !n.textContent.trim() || !el.checkVisibility({ visibilityProperty: true })) continue;
                  range.selectNodeContents(n);
                  const right = range.getBoundingClientRect().right;
                  if (right <= vw + 1 || held(el, true) || over.some(o => o.contains(el))) continue;
                  over.push(el);
                  found.push(`${named(el)}: its text reaches ${Math.round(right)}px of ${vw}px`);
                }
                return found;
                """);
    }

    /**
     * The texts a person reads or hears on the page: visible text nodes, aria-label, title, placeholder and alt of
     * shown elements, and the document's title; whitespace collapsed. A header folded behind its Menu button is read
     * as if opened, so that its links and session are checked too. Left out: data (inside translate="no") and
     * what is marked as another language than the page's (the language switch names each language in itself).
     */
    @SuppressWarnings("unchecked")
    static Set<String> texts(Browser browser) {
        List<String> texts = (List<String>) browser.script("""
                const menu = document.getElementById('menu');
                const folded = !!document.querySelector('.topbar.compact') && !menu.classList.contains('open');
                if (folded) menu.classList.add('open');
                try {
                  return collect();
                } finally {
                  if (folded) menu.classList.remove('open');
                }
                function collect() {
                  const norm = s => s.replace(/\\s+/g, ' ').trim();
                  const foreign = el => { const l = el.closest('[lang]'); return l && l !== document.documentElement; };
                  const skipped = el => el.closest('[translate=no]') || foreign(el);
                  const shown = el => (el.closest('select') || el).checkVisibility({ visibilityProperty: true });
                  const out = new Set();
                  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                    const el = n.parentElement;
                    if (!el || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName) || skipped(el) || !shown(el)) continue;
                    if (norm(n.textContent)) out.add(norm(n.textContent));
                  }
                  for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
                    if (skipped(el) || !shown(el)) continue;
                    for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
                      if (norm(el.getAttribute(a) || '')) out.add(norm(el.getAttribute(a)));
                    }
                  }
                  if (norm(document.title)) out.add(norm(document.title));
                  return [...out];
                }
                """);
        return Set.copyOf(texts);
    }

    /** Where a text is on the page (the element holding it or carrying it as an attribute), to name it in a failure. */
    static String where(Browser browser, String text) {
        return String.valueOf(browser.script("""
                const norm = s => (s || '').replace(/\\s+/g, ' ').trim();
                const text = arguments[0];
                const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                  + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
                const path = el => [el.parentElement, el].filter(Boolean).map(name).join(' > ');
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  if (norm(n.textContent) === text && n.parentElement) return path(n.parentElement);
                }
                for (const el of document.body.querySelectorAll('*')) {
                  for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
                    if (norm(el.getAttribute(a)) === text) return path(el) + '[' + a + ']';
                  }
                }
                return document.title === text ? 'the document title' : 'an unknown place';
                """, text));
    }

    /**
     * Every value of the language's catalogues (each plural form as a value of its own), read by the page itself
     * from the areas i18n.js loads, as patterns: a placeholder ({id}) stands for any text.
     */
    @SuppressWarnings("unchecked")
    static List<Pattern> catalogue(Browser browser, String language) {
        Object values = browser.driver.executeAsyncScript("""
                const [lang, done] = [arguments[0], arguments[arguments.length - 1]];
                import('/js/i18n.js').then(async m => {
                  const values = [];
                  for (const area of m.AREAS) {
                    const res = await fetch(`/i18n/${lang}/${area}.json`);
                    for (const v of Object.values(await res.json())) {
                      if (v && typeof v === 'object') values.push(...Object.values(v).map(String));
                      else values.push(String(v));
                    }
                  }
                  done(values);
                }).catch(e => done('could not read the catalogues: ' + e));
                """, language);
        if (!(values instanceof List<?> list)) {
            throw new AssertionError(values);
        }
        return ((List<String>) list).stream().map(ScreenAudit::pattern).toList();
    }

    /** Texts with letters that the language's rendering shares with English's and its catalogue does not say. */
    static List<String> stray(Collection<String> inLanguage, Set<String> inEnglish, List<Pattern> catalogue) {
        return inLanguage.stream().filter(inEnglish::contains).filter(t -> t.codePoints().anyMatch(Character::isLetter))
                .filter(t -> catalogue.stream().noneMatch(p -> p.matcher(t).matches())).sorted().toList();
    }

    private static Pattern pattern(String value) {
        String plain = value.replaceAll("\\s+", " ").trim();
        return Pattern.compile(Pattern.compile("\\{\\w+}").splitAsStream(plain + "\u0000")
                .map(part -> Pattern.quote(part.replace("\u0000", ""))).collect(Collectors.joining(".+?")));
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().skip(1).findFirst().orElse(text).trim();
    }
}
