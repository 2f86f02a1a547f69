/** The app's database URL, for what opens its own connections there (the scheduler). */
export const DATABASE_URL = Symbol('DATABASE_URL');
