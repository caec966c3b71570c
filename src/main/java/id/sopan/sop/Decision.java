package id.sopan.sop;

/**
 * A checking step: "jika sudah sesuai ... (Ya: the next step), jika belum ... dikembalikan ke ..." (Tidak: back).
 *
 * @param returnsTo the number of the earlier step that the "Tidak" path returns to
 */
public record Decision(int returnsTo) {
}
