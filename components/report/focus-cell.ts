// Moves keyboard focus to a form cell or text area by its cell address.
export function focusCell(address: string): void {
  const el = document.querySelector<HTMLElement>(`[data-cell="${CSS.escape(address)}"]`);
  el?.focus();
  el?.scrollIntoView({ block: "center" });
}
