package id.sopan.engine;

/**
 * What the engine needs of a case: its own state only (the SOP version is passed beside it).
 *
 * @param reference   the registration number, for messages
 * @param currentStep the step whose tasks are open; the last step's number once closed
 * @param round       how many times a step has been (re)activated by a return; 0 on the straight path
 * @param returns     how many "belum sesuai" returns the case has had
 */
public record CaseView(String reference, CaseStatus status, int currentStep, int round, int returns) {
}
