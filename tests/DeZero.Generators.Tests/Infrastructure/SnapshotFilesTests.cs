using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace DeZero.Generators.Tests.Infrastructure;

/// <summary>Snapshot files that no test class verifies any more are stale: reported, so they get deleted.</summary>
public sealed class SnapshotFilesTests
{
    [Fact]
    public void Snapshots_NotClaimedByAnyOwner_AreReportedAsStale()
    {
        var owners = typeof(ISnapshotOwner).Assembly.GetTypes()
            .Where(t => t.IsClass && typeof(ISnapshotOwner).IsAssignableFrom(t))
            .ToArray();
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var owner in owners)
        {
            var files = (IEnumerable<string>)owner.GetMethod(nameof(ISnapshotOwner.ExpectedSnapshotFiles), BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;
            expected.UnionWith(files);
        }

        var directory = Snapshot.Directory();
        var onDisk = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.verified.*").Select(Path.GetFileName).OfType<string>()
            : [];
        var stale = onDisk.Where(f => !expected.Contains(f)).Order(StringComparer.Ordinal).ToArray();

        Assert.True(owners.Length >= 3, "Expected the snapshot owners of every layer: " + string.Join(", ", owners.Select(o => o.Name)));
        Assert.True(stale.Length == 0, "Stale snapshots (no test verifies them; delete them):\n" + string.Join("\n", stale));
    }
}
