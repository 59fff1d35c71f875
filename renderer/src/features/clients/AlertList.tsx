import type { Alert as ClientAlert, Severity } from '@contract';
import { Alert, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertOctagon, IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';

const LOOK: Record<Severity, { color: string; icon: typeof IconAlertOctagon; label: string }> = {
  contraindication: { color: 'red', icon: IconAlertOctagon, label: 'Contraindication' },
  caution: { color: 'orange', icon: IconAlertTriangle, label: 'Caution' },
  info: { color: 'blue', icon: IconInfoCircle, label: 'Note' },
};

/** Screening alerts, most serious first: the first thing a practitioner sees on a client's page. */
export function AlertList({ alerts }: { alerts: ClientAlert[] }) {
  if (!alerts.length) {
    return (
      <Alert color="teal" variant="light" icon={<IconInfoCircle size={18} />} title="No alerts">
        Nothing in the latest medical history or the client record needs attention.
      </Alert>
    );
  }
  return (
    <Stack gap="xs" aria-label="Alerts" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {alerts.map((alert) => {
        const look = LOOK[alert.severity];
        const Icon = look.icon;
        return (
          <li key={alert.key}>
            <Alert
              color={look.color}
              variant="light"
              icon={<Icon size={18} aria-hidden />}
              title={
                <span>
                  <VisuallyHidden>{look.label}: </VisuallyHidden>
                  {alert.label}
                </span>
              }
              data-severity={alert.severity}
              styles={{ root: { paddingBlock: 10 } }}
            >
              {alert.advice && <Text size="sm">{alert.advice}</Text>}
            </Alert>
          </li>
        );
      })}
    </Stack>
  );
}
