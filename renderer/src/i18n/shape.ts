/** The English texts of an area have the same keys as its pt-BR texts (checked by the compiler), every leaf a string. */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };
