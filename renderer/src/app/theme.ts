import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A calm clinical teal; every shade passes WCAG AA on white from index 7 up (buttons use 7).
const clinic: MantineColorsTuple = [
  '#e6fbf8',
  '#d4f2ee',
  '#aae4dc',
  '#7cd5c9',
  '#57c9b9',
  '#3fc1af',
  '#2fbdaa',
  '#1c7a6f',
  '#116d62',
  '#005e54',
];

export const theme = createTheme({
  primaryColor: 'clinic',
  primaryShade: { light: 7, dark: 5 },
  colors: { clinic },
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '600' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
  },
});
