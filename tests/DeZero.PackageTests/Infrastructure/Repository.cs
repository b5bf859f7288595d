using System;
using System.IO;

namespace DeZero.PackageTests.Infrastructure;

/// <summary>Paths inside this repository, found from the test assembly's folder.</summary>
internal static class Repository
{
    /// <summary>The folder holding <c>DeZero.Generators.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The runtime project, the one that packs into the DeZero package.</summary>
    public static string RuntimeProject => Path.Combine(Root, "runtime", "DeZero", "DeZero.csproj");

    /// <summary>The console app a user would write, copied out of the repository by the consumer test.</summary>
    public static string ConsumerTemplate => Path.Combine(Root, "tests", "Consumer", "Template");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DeZero.Generators.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No DeZero.Generators.sln above {AppContext.BaseDirectory}.");
    }
}
