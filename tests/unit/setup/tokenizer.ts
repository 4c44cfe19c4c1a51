// In Node the tokenizer's ranks come straight from the package instead of the extension's assets.
import { setRanksLoader } from '../../../utils/tokens';

setRanksLoader(async (encoding) => (await import(`gpt-tokenizer/bpeRanks/${encoding}`)).default);
