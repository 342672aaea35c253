import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title: "<page> · 사회적경제 허브". */
export function useTitle(title: string | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    const site = t('app.name');
    document.title = title ? `${title} · ${site}` : site;
  }, [title, t]);
}
