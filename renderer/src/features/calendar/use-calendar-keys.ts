import { useHotkeys } from '@mantine/hooks';
import type { RefObject } from 'react';
import { useCalendarStore } from './calendar-store';

/** The calendar's keys (see KeyboardHelp); useHotkeys leaves keys typed into inputs alone. */
export function useCalendarKeys(searchRef: RefObject<HTMLInputElement | null>): void {
  const s = useCalendarStore.getState;
  useHotkeys([
    ['ArrowLeft', () => s().step(-1)],
    ['ArrowRight', () => s().step(1)],
    ['t', () => s().goTo(new Date())],
    ['m', () => s().setView('month')],
    ['w', () => s().setView('week')],
    ['l', () => s().setView('timeline')],
    // "+" is Shift+= on most layouts and plain on the number pad; "=" is accepted too, as in browsers' own zoom.
    ['[plus]', () => s().zoomBy(-1)],
    ['shift+[plus]', () => s().zoomBy(-1)],
    ['=', () => s().zoomBy(-1)],
    ['minus', () => s().zoomBy(1)],
    ['/', () => searchRef.current?.focus()],
    ['Escape', () => s().focusCollision(null)],
  ]);
}
