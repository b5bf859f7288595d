using System;
using System.Collections.Generic;
using System.IO;
using DeZero.PackageTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace DeZero.PackageTests;

/// <summary>A user's fresh console app adds the packed DeZero package by version, builds and runs.</summary>
/// <remarks>This is what proves the package works for someone who is not us: nothing from the repository but the package.</remarks>
[Collection(PackageCollection.Name)]
public sealed class ConsumerTests(PackedPackage package, ITestOutputHelper log)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void Consumer_AddsPackageByVersion_PrintsGradientThroughGraphAndWithGradient()
    {
        var app = Directory.CreateTempSubdirectory("dezero-consumer-");
        var packages = Directory.CreateTempSubdirectory("dezero-consumer-packages-");
        try
        {
            CopyTemplate(Repository.ConsumerTemplate, app.FullName);
            File.WriteAllText(Path.Combine(app.FullName, "nuget.config"), NuGetConfig(package.Folder, UserPackagesFolder()));

            // Its own NUGET_PACKAGES: DeZero is extracted there from the pack folder, never taken from a cache.
            var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages.FullName };
            var add = DotNet.Run(app.FullName, environment, StepTimeout, "add", "package", "DeZero", "--version", package.Version);
            var build = DotNet.Run(app.FullName, environment, StepTimeout, "build", "-c", "Release", "--no-restore", "-nologo");
            var run = DotNet.Run(app.FullName, environment, StepTimeout, Path.Combine("bin", "Release", "net10.0", "Consumer.dll"));
            var everything = string.Join("\n\n", package.Pack.Describe(), add.Describe(), build.Describe(), run.Describe());
            log.WriteLine($"pack {package.Pack.Elapsed.TotalSeconds:0.0} s, add package {add.Elapsed.TotalSeconds:0.0} s, build {build.Elapsed.TotalSeconds:0.0} s, run {run.Elapsed.TotalSeconds:0.0} s");

            const string Expected = """
                graph: f(2) = 8.0, f'(2) = 12.0
                WithGradient: f(2) = 8, f'(2) = 12
                node: CubeFunction

                """;
            Check(run.Output.ReplaceLineEndings("\n") == Expected.ReplaceLineEndings("\n"), "The consumer printed something else.", everything);
            Check(
                Directory.Exists(Path.Combine(packages.FullName, "dezero", package.Version)),
                "DeZero was not extracted into the consumer's own NUGET_PACKAGES folder.",
                everything);

            var generated = Path.Combine(app.FullName, "obj", "Release", "net10.0", "generated", "DeZero.Generators", "DeZero.Generators.DifferentiableGenerator", "Cubes.Cube.g.cs");
            Check(File.Exists(generated), $"No generated file at {generated}, where the README says EmitCompilerGeneratedFiles puts it.", everything);

            // Roslyn runs inside the compiler; it must never reach a user's dependencies.
            var assets = File.ReadAllText(Path.Combine(app.FullName, "obj", "project.assets.json"));
            Check(!assets.Contains("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase), "The consumer's restore pulled in Roslyn.", assets);
        }
        finally
        {
            TempFolders.Delete(app.FullName);
            TempFolders.Delete(packages.FullName);
        }
    }

    private static void Check(bool condition, string message, string details)
    {
        if (!condition)
        {
            throw new Xunit.Sdk.XunitException(message + "\n\n" + details);
        }
    }

    private static void CopyTemplate(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj")
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    // The pack folder beside the usual sources. The user's global packages folder, when there is one, serves as a
    // read-only fallback so that third-party packages (System.Numerics.Tensors) are not downloaded again on each run;
    // DeZero's version exists nowhere but in the pack folder.
    private static string NuGetConfig(string packFolder, string? fallbackFolder)
    {
        var fallback = fallbackFolder is null
            ? string.Empty
            : $"""
                <fallbackPackageFolders>
                  <add key="user-global-packages" value="{fallbackFolder}" />
                </fallbackPackageFolders>
              """;
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="dezero-pack" value="{packFolder}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            {fallback}
            </configuration>

            """;
    }

    private static string? UserPackagesFolder()
    {
        var folder = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(folder))
        {
            folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        return Directory.Exists(folder) ? folder : null;
    }
}
