/** Strings of the budget pages (t('budget.…')): Korean first; `en` must have every key of `ko`. */
export const ko = {
  title: '열린 예산',
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof ko> = {
  title: 'Open budget',
};
