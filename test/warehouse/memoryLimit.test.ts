// One memory cap for validating and loading: RAA_MEMORY_LIMIT when it is a size, else 384MB (it is put into SQL).
import { describe, expect, it } from 'vitest';
import { memoryLimit } from '../../src/warehouse/memoryLimit.js';

describe('memoryLimit', () => {
  it('takes a size from RAA_MEMORY_LIMIT and ignores anything else', () => {
    expect(memoryLimit({})).toBe('384MB');
    expect(memoryLimit({ RAA_MEMORY_LIMIT: '1GB' })).toBe('1GB');
    expect(memoryLimit({ RAA_MEMORY_LIMIT: '512 MiB' })).toBe('512 MiB');
    expect(memoryLimit({ RAA_MEMORY_LIMIT: "1GB'; DROP TABLE submission; --" })).toBe('384MB');
    expect(memoryLimit({ RAA_MEMORY_LIMIT: 'lots' })).toBe('384MB');
  });
});
