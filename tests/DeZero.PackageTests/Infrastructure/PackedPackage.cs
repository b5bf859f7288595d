using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace DeZero.PackageTests.Infrastructure;

/// <summary>The DeZero package, packed once per test run into a fresh folder under a version no cache has seen.</summary>
public sealed class PackedPackage : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dezero-pack-");

    /// <summary>Packs <c>runtime/DeZero</c> (which builds the generator too) with a unique version.</summary>
    public PackedPackage()
    {
        Version = "0.0.0-ci." + DateTime.UtcNow.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (CrossProcessLock.Acquire("pack", Repository.Root, TimeSpan.FromMinutes(10)))
        {
            Pack = DotNet.Run(
                Repository.Root,
                new Dictionary<string, string>(),
                TimeSpan.FromMinutes(8),
                "pack", Repository.RuntimeProject, "-c", "Release", "-o", _folder.FullName, "-p:Version=" + Version, "-nologo");
        }
    }

    /// <summary>The version packed: <c>0.0.0-ci.</c> and the current time in ticks.</summary>
    public string Version { get; }

    /// <summary>The folder holding the .nupkg and .snupkg, used as a package source.</summary>
    public string Folder => _folder.FullName;

    /// <summary>The package file.</summary>
    public string PackagePath => Path.Combine(Folder, $"DeZero.{Version}.nupkg");

    /// <summary>The symbols package file.</summary>
    public string SymbolsPath => Path.Combine(Folder, $"DeZero.{Version}.snupkg");

    /// <summary>The pack command's output and duration.</summary>
    public RunResult Pack { get; }

    /// <inheritdoc/>
    public void Dispose() => TempFolders.Delete(_folder.FullName);
}

/// <summary>Shares one <see cref="PackedPackage"/> among the tests that need it.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedPackage>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Packed DeZero package";
}

/// <summary>Best-effort removal of the temporary folders the tests make.</summary>
internal static class TempFolders
{
    /// <summary>Deletes <paramref name="path"/> and everything in it, ignoring failures (a file still open, say).</summary>
    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
