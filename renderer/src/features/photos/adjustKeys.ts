/**
 * Where a key press landed, for the Adjust and Align shortcuts, which listen on the window: Enter must not
 * save when it is already pressing a button or picking an option, and letter keys must not act while
 * typing.
 */
const ACTIVATES = 'button, a[href], input, textarea, select, [role="option"]';
const TYPING = 'input, textarea, select, [contenteditable="true"]';

export function keyTarget(event: KeyboardEvent): { activates: boolean; typing: boolean } {
  const target = event.target instanceof Element ? event.target : null;
  return { activates: Boolean(target?.closest(ACTIVATES)), typing: Boolean(target?.closest(TYPING)) };
}
