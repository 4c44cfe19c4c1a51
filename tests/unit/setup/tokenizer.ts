// In Node the tokenizer's ranks come straight from the package instead of the extension's assets.
import { setRanksLoader } from '@/utils/llm/tokens';

const modules = {
  o200k_base: () => import('gpt-tokenizer/bpeRanks/o200k_base'),
  cl100k_base: () => import('gpt-tokenizer/bpeRanks/cl100k_base'),
};

setRanksLoader(async (encoding) => (await modules[encoding]()).default);
