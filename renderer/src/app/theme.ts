import {
  type CSSVariablesResolver,
  createTheme,
  defaultVariantColorsResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

// A calm clinical teal; shade 7 (buttons, links) passes WCAG AA against white.
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

/**
 * Mantine's "light" variant (tinted badges, alerts, nav items) uses a mid shade for its text, which fails
 * WCAG AA contrast for small text. Use the darkest shade in light mode and a pale one in dark mode.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant === 'light' || input.variant === 'outline') {
    const color = input.color ?? input.theme.primaryColor;
    if (color in input.theme.colors) {
      return {
        ...colors,
        color: `light-dark(var(--mantine-color-${color}-9), var(--mantine-color-${color}-2))`,
        border:
          input.variant === 'outline'
            ? `1px solid light-dark(var(--mantine-color-${color}-7), var(--mantine-color-${color}-4))`
            : colors.border,
      };
    }
  }
  return colors;
};

/** "Dimmed" secondary text must still be readable (4.5:1) on white and on the dark body. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});

export const theme = createTheme({
  primaryColor: 'clinic',
  primaryShade: { light: 7, dark: 5 },
  colors: { clinic },
  variantColorResolver,
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '600' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Alert: { styles: { title: { color: 'var(--mantine-color-text)' } } },
    // Icon-only buttons need a name for screen readers.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Select: { defaultProps: { clearButtonProps: { 'aria-label': 'Clear choice' } } },
    DateInput: { defaultProps: { clearButtonProps: { 'aria-label': 'Clear date' } } },
    DateTimePicker: { defaultProps: { clearButtonProps: { 'aria-label': 'Clear date and time' } } },
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    },
  },
});
