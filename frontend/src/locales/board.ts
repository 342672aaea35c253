/** Strings of the board pages (t('board.…')): Korean first; `en` must have every key of `ko`. */
export const ko = {
  title: '협업 게시판',
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof ko> = {
  title: 'Collaboration board',
};
