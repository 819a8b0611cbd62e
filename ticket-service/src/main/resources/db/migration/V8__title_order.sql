-- The order of titles people expect: case and accents are not what a list is sorted by ("forged" before
-- "Wifi down", "Éclairage" among the e's). ICU's root collation ('und') does that for every language the desk
-- serves; the database's own collation often does not ("C" puts every capital before every small letter).
-- One name, title_order, for the list's ORDER BY (search/ListQuery); it is ICU's root collation where PostgreSQL
-- was built with ICU (the embedded binaries, the official images, the managed services), else the database's
-- default collation, so a server without ICU still sorts deterministically, as it did before.
-- (Numbered 8, not 7, so that another branch's 7 can land before or after it.)
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_collation WHERE collprovider = 'i') THEN
        CREATE COLLATION title_order (provider = icu, locale = 'und');
    ELSE
        CREATE COLLATION title_order FROM "default";
    END IF;
END
$$;
