// In Node the tokenizer's ranks come straight from the package instead of the extension's assets.
import { setRanksLoader, type RanksLoader } from '@/utils/llm/tokens';

const modules = {
  o200k_base: () => import('gpt-tokenizer/bpeRanks/o200k_base'),
  cl100k_base: () => import('gpt-tokenizer/bpeRanks/cl100k_base'),
};

/** The ranks from the package (tests that swap the loader put this one back). */
export const packageRanks: RanksLoader = async (encoding) => (await modules[encoding]()).default;

setRanksLoader(packageRanks);
