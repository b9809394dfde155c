/** The UI languages: Vietnamese first, English available. */
export type Language = 'vi' | 'en';
