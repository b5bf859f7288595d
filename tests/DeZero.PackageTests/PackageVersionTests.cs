using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading;
using DeZero.PackageTests.Infrastructure;
using Xunit;

namespace DeZero.PackageTests;

/// <summary>
/// Issue 16: the version of a package packed from a clone. Each pack without a version is a new, higher prerelease, so
/// NuGet never serves an older pack of the same version from its cache; a version given on the command line wins.
/// </summary>
public sealed class PackageVersionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void Pack_WithoutAVersion_IsADevPrereleaseStampedWithTheTimeAndHigherEachTime()
    {
        var first = PackageVersion();
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+-dev\.\d{14}$"), first);
        Thread.Sleep(TimeSpan.FromSeconds(1.1));
        var second = PackageVersion();
        Assert.True(string.CompareOrdinal(second, first) > 0, $"{second} is not after {first}");
    }

    [Fact]
    public void Pack_WithAVersion_TakesIt() =>
        Assert.Equal("2.3.4", PackageVersion("-p:Version=2.3.4"));

    [Fact]
    public void Evaluation_WithoutPacking_KeepsTheVersionFixed()
    {
        // Restore and build see one version: a stamp there would rewrite project.assets.json on every build.
        var evaluated = DotNet.Run(Repository.Root, new Dictionary<string, string>(), Timeout,
            "msbuild", Repository.RuntimeProject, "-getProperty:PackageVersion", "-nologo").Output.Trim();
        Assert.DoesNotContain("-dev.", evaluated, StringComparison.Ordinal);
    }

    /// <summary>The version pack would give, read by running only the target that stamps it.</summary>
    private static string PackageVersion(params string[] properties) =>
        DotNet.Run(Repository.Root, new Dictionary<string, string>(), Timeout,
            ["msbuild", Repository.RuntimeProject, "-t:StampPackageVersion", "-getProperty:PackageVersion", "-nologo", .. properties]).Output.Trim();
}
