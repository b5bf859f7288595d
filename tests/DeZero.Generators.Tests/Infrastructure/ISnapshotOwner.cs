using System.Collections.Generic;

namespace DeZero.Generators.Tests.Infrastructure;

/// <summary>
/// Implemented by every test class that verifies snapshots: it names, without running its tests, every snapshot file
/// it would verify. <see cref="SnapshotFilesTests"/> reports any file on disk that no owner claims, so a class that
/// writes snapshots without implementing this fails that check too.
/// </summary>
internal interface ISnapshotOwner
{
    /// <summary>The file names (not paths) of the snapshots this class verifies.</summary>
    static abstract IEnumerable<string> ExpectedSnapshotFiles();
}
