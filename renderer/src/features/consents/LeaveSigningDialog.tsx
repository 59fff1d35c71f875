import { Button, Group, Modal, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';

/** The practitioner's confirmation before signing mode closes; "Keep signing" is the safe default. */
export function LeaveSigningDialog(props: { opened: boolean; onStay: () => void; onLeave: () => void }) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onStay}
      title="Hand back to the practitioner?"
      centered
      zIndex={300}
      size="md"
    >
      <Text mb="lg">
        Only the practitioner should leave signing mode. The form has not been signed yet: leaving discards
        the ticks and signatures so far, and nothing is saved.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onStay} data-autofocus>
          Keep signing
        </Button>
        <Button color="red.9" leftSection={<IconLogout size={16} />} onClick={props.onLeave}>
          Leave signing mode
        </Button>
      </Group>
    </Modal>
  );
}
