import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { ChevronDownIcon } from './icons';
import './model-combobox.css';

export interface ModelComboboxProps {
  value: string;
  /** The endpoint's models, as already fetched; any other name can still be typed. */
  options: string[];
  /** The field's id (for a <label for>); without one, name it with `label`. */
  id?: string;
  /** aria-label and tooltip, when no <label> names the field. */
  label?: string;
  class?: string;
  /** Every keystroke (a controlled form). */
  onInput?(value: string): void;
  /** The value is settled: an option picked, Enter, or the field left after a change. */
  onCommit?(value: string): void;
}

/** Options that contain what was typed (any case); null shows them all. */
export function filterModels(options: string[], query: string | null): string[] {
  const needle = query?.trim().toLowerCase();
  return needle ? options.filter((option) => option.toLowerCase().includes(needle)) : options;
}

/**
 * A model field with a real dropdown (the ARIA combobox pattern, with a listbox): typing filters
 * the endpoint's models, ArrowDown/ArrowUp open the list and move through it, Enter picks the
 * highlighted model, Escape closes the list; a name that is not listed can still be typed.
 * Focus stays in the text field; the highlighted option is its aria-activedescendant.
 */
export function ModelCombobox(props: ModelComboboxProps) {
  const { value, options } = props;
  const [text, setText] = useState(value);
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const committed = useRef(value);
  const listbox = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    setText(value);
    committed.current = value;
  }, [value]);

  const shown = filterModels(options, query);
  const expanded = open && shown.length > 0;

  useEffect(() => {
    if (expanded && active >= 0) listbox.current?.children[active]?.scrollIntoView?.({ block: 'nearest' });
  }, [expanded, active]);

  const commit = (next: string) => {
    if (next === committed.current) return;
    committed.current = next;
    props.onCommit?.(next);
  };

  const pick = (model: string) => {
    setText(model);
    setOpen(false);
    setActive(-1);
    props.onInput?.(model);
    commit(model);
  };

  const showAll = (at: 'first' | 'last' | 'none') => {
    const all = filterModels(options, null);
    setQuery(null);
    setOpen(true);
    const selected = all.indexOf(text);
    setActive(at === 'none' ? selected : selected >= 0 ? selected : at === 'first' ? 0 : all.length - 1);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const count = shown.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const down = event.key === 'ArrowDown';
      if (!expanded) return showAll(down ? 'first' : 'last');
      if (count) setActive((index) => (index < 0 ? (down ? 0 : count - 1) : (index + (down ? 1 : count - 1)) % count));
    } else if (event.key === 'Enter' && expanded && active >= 0 && shown[active]) {
      // Enter on a highlighted model picks it (and does not submit the form around it).
      event.preventDefault();
      pick(shown[active]);
    } else if (event.key === 'Enter') {
      setOpen(false);
      commit(text);
    } else if (event.key === 'Escape' && expanded) {
      // The list closes; the Escape does not also close the page's dialog or popup.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div class={`combo${props.class ? ` ${props.class}` : ''}`}>
      <input
        ref={input}
        id={props.id}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        aria-label={props.label}
        title={props.label}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        value={text}
        onInput={(event) => {
          const next = event.currentTarget.value;
          setText(next);
          setQuery(next);
          setOpen(true);
          setActive(-1);
          props.onInput?.(next);
        }}
        onChange={(event) => commit(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <button
        type="button"
        class="combo-toggle"
        tabIndex={-1}
        aria-label={t('modelShowList')}
        title={t('modelShowList')}
        disabled={options.length === 0}
        // The field keeps the focus: the list belongs to it.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => {
          input.current?.focus();
          if (expanded) setOpen(false);
          else showAll('none');
        }}
      >
        <ChevronDownIcon size={14} />
      </button>
      <div ref={listbox} id={listId} role="listbox" aria-label={t('modelListLabel')} hidden={!expanded}>
        {expanded &&
          shown.map((model, index) => (
            // Options are not focused (focus stays in the field, which handles the keyboard): aria-activedescendant points at them.
            // biome-ignore lint/a11y/useKeyWithClickEvents: the field's own keydown picks the highlighted option.
            <div
              key={model}
              tabIndex={-1}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              class={model === text ? 'current' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => index !== active && setActive(index)}
              onClick={() => pick(model)}
            >
              {model}
            </div>
          ))}
      </div>
    </div>
  );
}
