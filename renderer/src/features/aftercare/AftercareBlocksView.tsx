import type { AftercareBlock } from '@contract';
import { Checkbox, Group, List, Stack, Table, Text, Title } from '@mantine/core';

/** An aftercare template's text as the client will read it (placeholders shown as written). */
export function AftercareBlocksView(props: { blocks: AftercareBlock[] }) {
  return (
    <Stack gap="xs">
      {props.blocks.map((b, i) => {
        const key = `${b.type}-${i}`;
        switch (b.type) {
          case 'heading':
            return (
              <Title key={key} order={4} mt="sm" dir="auto">
                {b.text}
              </Title>
            );
          case 'paragraph':
            return (
              <Text key={key} size="sm" dir="auto">
                {b.text}
              </Text>
            );
          case 'list':
            return (
              <List key={key} size="sm" spacing={2}>
                {b.items.map((item, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: read-only text in template order; it has no other identity
                  <List.Item key={`${key}-${j}`} dir="auto">
                    {item}
                  </List.Item>
                ))}
              </List>
            );
          case 'checklist':
            return (
              <Table key={key} withRowBorders verticalSpacing={4} aria-label="Day-by-day checklist">
                <Table.Tbody>
                  {b.days.map((d, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: read-only text in template order; it has no other identity
                    <Table.Tr key={`${key}-${j}`}>
                      <Table.Th w={120}>
                        <Text size="sm" fw={600}>
                          {d.label}
                        </Text>
                      </Table.Th>
                      <Table.Td>
                        <Group gap="md">
                          {d.items.map((item, k) => (
                            <Checkbox
                              // biome-ignore lint/suspicious/noArrayIndexKey: read-only text in template order; it has no other identity
                              key={`${key}-${j}-${k}`}
                              size="xs"
                              label={item}
                              readOnly
                              checked={false}
                              tabIndex={-1}
                            />
                          ))}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            );
          default:
            return null;
        }
      })}
    </Stack>
  );
}
