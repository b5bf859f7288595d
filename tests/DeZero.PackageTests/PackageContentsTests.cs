using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using DeZero.PackageTests.Infrastructure;
using Xunit;

namespace DeZero.PackageTests;

/// <summary>What <c>dotnet pack</c> puts into the DeZero package.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageContentsTests(PackedPackage package)
{
    [Fact]
    public void Package_Files_RuntimeDocsGeneratorCodeFixesAndReadmeOnly()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var files = zip.Entries
            .Select(e => e.FullName)
            .Where(f => !f.StartsWith("_rels/", StringComparison.Ordinal) && !f.StartsWith("package/", StringComparison.Ordinal) && f != "[Content_Types].xml")
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(
            [
                "DeZero.nuspec",
                "README.md",
                "analyzers/dotnet/cs/DeZero.Generators.CodeFixes.dll",
                "analyzers/dotnet/cs/DeZero.Generators.dll",
                "lib/net10.0/DeZero.dll",
                "lib/net10.0/DeZero.xml",
            ],
            files);
    }

    [Fact]
    public void Package_Nuspec_MitReadmeRepositoryAndOnlyTensorsDependency()
    {
        var nuspec = ReadNuspec();
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal("DeZero", metadata.Element(ns + "id")!.Value);
        Assert.Equal(package.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);

        // One MSBuild property, RepositoryUrl, feeds the assembly, the project page and the repository element.
        var repositoryUrl = typeof(Variable).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryUrl").Value;
        Assert.Equal(repositoryUrl, metadata.Element(ns + "repository")!.Attribute("url")!.Value);
        Assert.Equal(repositoryUrl, metadata.Element(ns + "projectUrl")!.Value);

        var dependencies = metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToArray();
        Assert.Equal(["System.Numerics.Tensors"], dependencies);
    }

    [Fact]
    public void Package_Symbols_SnupkgHoldsThePdb()
    {
        using var zip = ZipFile.OpenRead(package.SymbolsPath);
        Assert.Contains(zip.Entries, e => e.FullName == "lib/net10.0/DeZero.pdb");
    }

    private XDocument ReadNuspec()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        using var stream = zip.GetEntry("DeZero.nuspec")!.Open();
        return XDocument.Load(stream);
    }
}
