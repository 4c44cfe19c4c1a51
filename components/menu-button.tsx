import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { IconButton } from './icons';
import './menu-button.css';

/** One entry of a MenuButton's menu. */
export interface MenuItem {
  /** The item's accessible name and text. */
  label: string;
  icon?: ComponentChildren;
  onSelect(): void;
}

export interface MenuButtonProps {
  /** The button's name (aria-label and tooltip), e.g. "More". */
  label: string;
  icon: ComponentChildren;
  items: MenuItem[];
}

/**
 * An icon button that opens a menu of actions (the WAI-ARIA menu button pattern): Enter, Space or
 * a click opens it on the first item (ArrowUp: on the last); arrows, Home and End move; Enter or
 * Space picks; Escape closes it and puts focus back on the button; Tab or a click elsewhere
 * closes it. Items are plain buttons with role=menuitem, so a click or Enter activates them.
 */
export function MenuButton({ label, icon, items }: MenuButtonProps) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();

  const entries = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  // Fixed to the viewport under the button (above it when there is no room below), so a scrolling
  // list it sits in cannot clip it.
  useLayoutEffect(() => {
    if (!open || !button.current || !menu.current) return;
    const anchor = button.current.getBoundingClientRect();
    const style = menu.current.style;
    style.right = `${Math.max(4, document.documentElement.clientWidth - anchor.right)}px`;
    const below = anchor.bottom + 4 + menu.current.offsetHeight <= window.innerHeight;
    style.top = below ? `${anchor.bottom + 4}px` : `${Math.max(4, anchor.top - 4 - menu.current.offsetHeight)}px`;
    const list = entries();
    (open === 'last' ? list.at(-1) : list[0])?.focus();
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const list = entries();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => list[(index + list.length) % list.length]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') return close(false);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div
      class="menu-button"
      onFocusOut={(event) => {
        // Focus left the button and its menu (a click elsewhere, Tab): the menu closes.
        const next = event.relatedTarget as Node | null;
        if (open && !(next && event.currentTarget.contains(next))) setOpen(false);
      }}
    >
      <IconButton
        ref={button}
        class="quiet"
        label={label}
        icon={icon}
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? id : undefined}
        onClick={() => (open ? close(true) : setOpen('first'))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(event.key === 'ArrowUp' ? 'last' : 'first');
          }
        }}
      />
      {open && (
        <div ref={menu} id={id} class="menu" role="menu" aria-label={label} onKeyDown={onMenuKey}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                close(true);
                item.onSelect();
              }}
            >
              {item.icon}
              <span>{item.label}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
