import { describe, expect, it } from 'vitest';
import { menuCommandEffect } from '../../../renderer/menu-commands';

describe('commands from the main process', () => {
  it('shows the workshop a file opened with the app became, and refreshes the list behind it', () => {
    expect(menuCommandEffect('open-workshop', '0f8fad5b-d9cb-469f-a165-70867728950e')).toEqual({
      navigate: { name: 'workshop', id: '0f8fad5b-d9cb-469f-a165-70867728950e', step: 'setup' },
      reloadList: true,
    });
  });

  it('says when the file was already here, or came in as a copy, and says nothing for a new workshop', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(menuCommandEffect('open-workshop', id, 'existing').notice).toBe('Opened this workshop: it was already here, unchanged.');
    expect(menuCommandEffect('open-workshop', id, 'restored').notice).toMatch(/back from the archive/);
    expect(menuCommandEffect('open-workshop', id, 'copy').notice).toBe('This workshop was already here with other changes, so the file was opened as a copy.');
    expect(menuCommandEffect('open-workshop', id, 'new')).not.toHaveProperty('notice');
    // What came with the file's rule pack is said too, new workshop or not.
    expect(menuCommandEffect('open-workshop', id, 'new', 'Rule pack Northwind 1.0.0 came with the file.').notice).toBe('Rule pack Northwind 1.0.0 came with the file.');
    expect(menuCommandEffect('open-workshop', id, 'existing', 'This app also has northwind-risk 1.1.0.').notice).toBe('Opened this workshop: it was already here, unchanged. This app also has northwind-risk 1.1.0.');
  });

  it('goes to the refreshed list when no workshop came of it', () => {
    expect(menuCommandEffect('open-workshop')).toEqual({ navigate: { name: 'home' }, reloadList: true });
  });

  it('opens New workshop on the list, and About where the person is', () => {
    expect(menuCommandEffect('new-workshop')).toEqual({ navigate: { name: 'home' }, dialog: 'create-workshop' });
    expect(menuCommandEffect('about')).toEqual({ dialog: 'about' });
  });
});
