import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { amountText, parseAmount } from '@/utils/money';
import { PRICE_TABLE, tokenPricedModels, type ModelPrice, type PriceOverrides } from '@/utils/llm/pricing';

export interface PriceEditorProps {
  overrides: PriceOverrides;
  onChange(overrides: PriceOverrides): void;
}

type Field = 'input' | 'cachedInput' | 'output';
const FIELDS: [Field, 'priceInput' | 'priceCached' | 'priceOutput'][] = [
  ['input', 'priceInput'],
  ['cachedInput', 'priceCached'],
  ['output', 'priceOutput'],
];

/** The price table: defaults (dated, with their source) and the user's edits and added models. */
export function PriceEditor({ overrides, onChange }: PriceEditorProps) {
  const [newModel, setNewModel] = useState('');
  const [invalid, setInvalid] = useState(false);
  const models = [...new Set([...tokenPricedModels(), ...Object.keys(overrides)])];

  const setPrice = (model: string, field: Field, text: string) => {
    const value = parseAmount(text);
    if (value === undefined || (text.trim() === '' && field !== 'cachedInput')) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const current: ModelPrice = { ...(overrides[model] ?? PRICE_TABLE.prices[model] ?? {}) };
    if (text.trim() === '') delete current[field];
    else current[field] = value;
    onChange({ ...overrides, [model]: current });
  };

  const reset = (model: string) => {
    const { [model]: _removed, ...rest } = overrides;
    onChange(rest);
  };

  const add = () => {
    const model = newModel.trim();
    if (!model) return;
    onChange({ ...overrides, [model]: overrides[model] ?? { input: 0, output: 0 } });
    setNewModel('');
  };

  return (
    <section class="card" aria-labelledby="prices-heading">
      <h2 id="prices-heading">{t('pricesHeading')}</h2>
      <p class="hint">{t('pricesSource', { source: PRICE_TABLE.source, date: PRICE_TABLE.asOf })}</p>
      <div class="table-scroll">
        <table class="prices">
          <thead>
            <tr>
              <th scope="col">{t('priceModel')}</th>
              {FIELDS.map(([field, label]) => (
                <th key={field} scope="col">
                  {t(label)}
                </th>
              ))}
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {models.map((model) => {
              const price = overrides[model] ?? PRICE_TABLE.prices[model] ?? {};
              const edited = Object.hasOwn(overrides, model);
              return (
                <tr key={model}>
                  <th scope="row">
                    {model} {edited && <span class="hint">({t('priceEdited')})</span>}
                  </th>
                  {FIELDS.map(([field, label]) => (
                    <td key={field}>
                      <input
                        type="text"
                        inputMode="decimal"
                        aria-label={`${model} ${t(label)}`}
                        value={price[field] === undefined ? '' : amountText(price[field]!) || '0'}
                        onChange={(event) => setPrice(model, field, event.currentTarget.value)}
                      />
                    </td>
                  ))}
                  <td>
                    {edited && (
                      <button type="button" onClick={() => reset(model)}>
                        {PRICE_TABLE.prices[model] ? t('priceReset', { model }) : t('priceRemove', { model })}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {invalid && <p class="warning">{t('priceInvalid')}</p>}
      <div class="row">
        <input
          type="text"
          aria-label={t('priceNewModel')}
          placeholder={t('priceNewModel')}
          value={newModel}
          onInput={(event) => setNewModel(event.currentTarget.value)}
          onKeyDown={(event) => event.key === 'Enter' && add()}
        />
        <button type="button" onClick={add}>
          {t('priceAddModel')}
        </button>
      </div>
    </section>
  );
}
