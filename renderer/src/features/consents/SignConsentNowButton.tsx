import type { Session } from '@contract';
import { Button } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { signingPath } from './consentFormat';

/**
 * On the session's consent flag: sign the treatment's current form now, in signing mode, with the session's
 * id, so the flag is decided by the signature; then back to this session.
 */
export function SignConsentNowButton({ session }: { session: Session }) {
  const navigate = useNavigate();
  const familyId = session.consent?.familyId;
  if (!familyId) return null;
  return (
    <Button
      variant="filled"
      leftSection={<IconSignature size={16} />}
      style={{ flexShrink: 0 }}
      onClick={() =>
        navigate(
          signingPath({
            clientId: session.clientId,
            familyId,
            sessionId: session.id,
            returnTo: `/clients/${session.clientId}/sessions/${session.id}`,
          }),
        )
      }
    >
      Sign consent now
    </Button>
  );
}
