import {
  HETZNER_DATACENTERS,
  HETZNER_DATACENTER_VALUES,
  HETZNER_SERVER_TYPES,
  HETZNER_SERVER_TYPE_NAMES,
  hetznerDatacenterName,
  hetznerLocation,
  hetznerServerTypeName,
  hetznerVolumeFormatName,
  komodoHetznerDatacenter,
  komodoHetznerServerType,
  komodoHetznerVolumeFormat,
} from './hetzner-names';

describe("Hetzner's names and Komodo's", () => {
  it("maps Komodo 1.17.4's names to Hetzner's, as its launch sends them", () => {
    expect(hetznerDatacenterName('Nuremberg1Dc3')).toBe('nbg1-dc3');
    expect(hetznerDatacenterName('SingaporeDc1')).toBe('sin-dc1');
    expect(hetznerServerTypeName('SharedAmd2Core2Ram40Disk')).toBe('cpx11');
    expect(hetznerServerTypeName('SharedIntel16Core32Ram320Disk')).toBe('cx52');
    expect(hetznerServerTypeName('DedicatedAmd48Core192Ram960Disk')).toBe('ccx63');
    expect(hetznerVolumeFormatName('Xfs')).toBe('xfs');
  });

  it("takes Hetzner's own names as they are", () => {
    expect(hetznerDatacenterName('fsn1-dc14')).toBe('fsn1-dc14');
    expect(hetznerServerTypeName('cax21')).toBe('cax21');
    expect(hetznerVolumeFormatName('ext4')).toBe('ext4');
  });

  it("maps back to Komodo's names, from either", () => {
    expect(komodoHetznerDatacenter('hel1-dc2')).toBe('Helsinki1Dc2');
    expect(komodoHetznerDatacenter('Helsinki1Dc2')).toBe('Helsinki1Dc2');
    expect(komodoHetznerServerType('cx22')).toBe('SharedIntel2Core4Ram40Disk');
    expect(komodoHetznerVolumeFormat('ext4')).toBe('Ext4');
  });

  it('is one to one both ways over every name', () => {
    for (const komodo of HETZNER_SERVER_TYPES)
      expect(komodoHetznerServerType(hetznerServerTypeName(komodo))).toBe(komodo);
    for (const komodo of HETZNER_DATACENTERS)
      expect(komodoHetznerDatacenter(hetznerDatacenterName(komodo))).toBe(komodo);
    expect(new Set(Object.values(HETZNER_SERVER_TYPE_NAMES)).size).toBe(
      HETZNER_SERVER_TYPES.length,
    );
    expect(HETZNER_DATACENTER_VALUES).toHaveLength(2 * HETZNER_DATACENTERS.length);
  });

  it("keeps Komodo's order, its default first, and only 1.17.4's types", () => {
    expect(HETZNER_DATACENTERS[0]).toBe('Nuremberg1Dc3');
    expect(HETZNER_SERVER_TYPES[0]).toBe('SharedAmd2Core2Ram40Disk');
    expect(HETZNER_SERVER_TYPES).toHaveLength(19);
    expect(HETZNER_SERVER_TYPES).not.toContain('SharedIntel1Core2Ram20Disk');
  });

  it('refuses a name of neither, naming it', () => {
    expect(() => hetznerServerTypeName('cx11')).toThrow("not a Hetzner server type: 'cx11'");
    expect(() => hetznerDatacenterName('Nuremberg')).toThrow(/datacenter: 'Nuremberg'/);
    expect(() => komodoHetznerVolumeFormat('btrfs')).toThrow(/volume format/);
    expect(() => hetznerServerTypeName('toString')).toThrow(/server type/);
  });

  it("gives a datacenter's location, where its volumes are made", () => {
    expect(hetznerLocation('Nuremberg1Dc3')).toBe('nbg1');
    expect(hetznerLocation('ash-dc1')).toBe('ash');
  });
});
