import type { SupportedSite } from '../supported-sites';
import type { Translate } from './i18n';

/** The sites Footnote runs on by default, and how to turn it on for another (welcome, options). */
export function SupportedSites({
  sites,
  t,
  headingId,
}: {
  sites: readonly SupportedSite[];
  t: Translate;
  /** The heading the list belongs to, for its accessible name. */
  headingId: string;
}) {
  return (
    <>
      <ul class="supported-sites" aria-labelledby={headingId} data-testid="supported-sites">
        {sites.map(({ site, otherHosts }) => (
          <li key={site}>
            <bdi dir="ltr">{site}</bdi>
            {otherHosts.map((host) => (
              // A block of the page's direction, so it lines up under the site in Urdu too.
              <span key={host} class="other-host fn-muted">
                <bdi dir="ltr">{host}</bdi>
              </span>
            ))}
          </li>
        ))}
      </ul>
      <p>{t('sitesAddHelp')}</p>
    </>
  );
}
