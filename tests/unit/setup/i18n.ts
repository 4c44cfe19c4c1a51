// Every context that shows Glance's strings has them: the extension's pages and the background import
// utils/i18n.ts (all of them), the page-translation script is given its few. Modules under test that
// format with utils/i18n-core.ts (errors.ts, stream-client.ts) get them the way the background does.
import '@/utils/i18n';
