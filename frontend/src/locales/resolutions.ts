/** Strings of the resolutions pages (t('resolutions.…')): Korean first; `en` must have every key of `ko`. */
export const ko = {
  title: '결의 사항',
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof ko> = {
  title: 'Resolutions',
};
