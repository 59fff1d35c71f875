import {
  ActionIcon,
  AppShell,
  Group,
  Kbd,
  NavLink,
  Text,
  Tooltip,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import {
  IconBox,
  IconCalendarEvent,
  IconFileCertificate,
  IconHeartHandshake,
  IconMoon,
  IconSearch,
  IconSettings,
  IconSun,
  IconUsers,
} from '@tabler/icons-react';
import { Outlet, NavLink as RouterNavLink, useLocation } from 'react-router';
import { GlobalSearch } from './GlobalSearch';
import { modKey } from './platform';

const NAV = [
  { to: '/clients', label: 'Clients', icon: IconUsers },
  { to: '/today', label: 'Today', icon: IconCalendarEvent },
  { to: '/catalogue', label: 'Catalogue', icon: IconBox },
  { to: '/consent-forms', label: 'Consent forms', icon: IconFileCertificate },
  { to: '/aftercare', label: 'Aftercare sheets', icon: IconHeartHandshake },
  { to: '/settings', label: 'Settings', icon: IconSettings },
] as const;

export function Shell() {
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const location = useLocation();

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 220, breakpoint: 0 }} padding={0}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Logo />
            <Text fw={700} size="lg">
              Dermachart
            </Text>
          </Group>
          <UnstyledButton
            onClick={() => spotlight.open()}
            className="search-trigger"
            style={{
              border: '1px solid var(--mantine-color-default-border)',
              borderRadius: 'var(--mantine-radius-md)',
              padding: '6px 10px',
              width: 360,
              color: 'var(--mantine-color-dimmed)',
            }}
          >
            <Group justify="space-between" wrap="nowrap">
              <Group gap={8} wrap="nowrap">
                <IconSearch size={16} aria-hidden />
                <Text size="sm">Find a client…</Text>
              </Group>
              <Group gap={2} wrap="nowrap">
                <Kbd size="xs">{modKey}</Kbd>
                <Kbd size="xs">K</Kbd>
              </Group>
            </Group>
          </UnstyledButton>
          <Tooltip label={scheme === 'dark' ? 'Light theme' : 'Dark theme'}>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label="Toggle colour theme"
              onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
            >
              {scheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
            </ActionIcon>
          </Tooltip>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Main">
        {NAV.map((item) => (
          <NavLink
            key={item.to}
            component={RouterNavLink}
            to={item.to}
            label={item.label}
            leftSection={<item.icon size={18} aria-hidden />}
            active={location.pathname.startsWith(item.to)}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main style={{ height: '100dvh', display: 'flex', flexDirection: 'column' }}>
        <Outlet />
      </AppShell.Main>
      <GlobalSearch />
    </AppShell>
  );
}

function Logo() {
  return (
    <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden role="img">
      <rect width="32" height="32" rx="8" fill="var(--mantine-primary-color-filled)" />
      <g fill="#fff">
        {[8, 13, 18, 23].flatMap((x) =>
          [9, 16, 23].map((y) => <circle key={`${x}-${y}`} cx={x + (y === 16 ? 2 : 0)} cy={y} r="1.8" />),
        )}
      </g>
    </svg>
  );
}
