const KEY = 'dermachart.lastPractitioner';

/** Until practitioner accounts exist, the last name typed on this workstation is offered again. */
export const lastPractitioner = (): string => localStorage.getItem(KEY) ?? '';
export const rememberPractitioner = (name: string | null) => {
  if (name) localStorage.setItem(KEY, name);
};
