package campus.helpdesk.classify;

import campus.helpdesk.api.Priority;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SafetyWordsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "There is a fire in the bin outside lab 3",
            "smoke coming from the projector",
            "strong smell of gas in the kitchen",
            "the basement is flooding",
            "a student slipped on the stairs and is injured",
            "someone is trapped in the lift in building B",
            "C'è un incendio nel laboratorio",
            "esce fumo dalla presa",
            "odore di gas in cucina",
            "il seminterrato è allagato",
            "uno studente si è ferito cadendo dalle scale",
            "c'è una persona intrappolata nell'ascensore",
            "hay un incendio en la cocina",
            "sale humo del cuadro eléctrico",
            "huele a gas en el pasillo",
            "el sótano está inundado",
            "un estudiante está herido",
            "hay alguien atrapado en el ascensor",
            "Es brennt im Keller",
            "Rauch im Treppenhaus",
            "Gasgeruch im Labor",
            "Der Keller ist überflutet",
            "Ein Student hat sich verletzt",
            "Jemand steckt im Aufzug fest",
            "Il y a un incendie au sous-sol",
            "de la fumée sort du tableau électrique",
            "odeur de gaz dans le couloir",
            "la cave est inondée",
            "un étudiant s'est blessé dans l'escalier",
            "quelqu'un est coincé dans l'ascenseur",
            "a student fainted in lecture hall 2",
            "forte puzza di bruciato dal quadro elettrico",
            "huele a quemado en el aula 3",
            "Es riecht verschmort im Serverraum"})
    void suggestsHighPriorityForDangerToPeopleInFiveLanguages(String text) {
        assertThat(TicketClassifiers.standard().classify(text).suggestedPriority()).isEqualTo(Priority.HIGH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ascensore bloccato al piano 2",
            "The lift is stuck on the third floor",
            "The firewall blocks the VPN",
            "eduroam keeps dropping in the library",
            "The canteen is too expensive",
            "Der Drucker hat einen Papierstau",
            "la gastronomia della mensa è peggiorata",
            "Course videos don't play in Firefox",
            "Spam emails flooding my inbox",
            "My brand new laptop can't find eduroam"})
    void hasNoOpinionOnOrdinaryTickets(String text) {
        assertThat(TicketClassifiers.standard().classify(text).suggestedPriority()).isNull();
    }
}
