/** A message that ends as a question (shared by the rules and the checks on a model's answer). */
export const QUESTION_END_RE = /[?？]\s*$/;
