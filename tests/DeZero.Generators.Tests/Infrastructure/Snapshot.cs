using System;
using System.Collections.Concurrent;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace DeZero.Generators.Tests.Infrastructure;

/// <summary>Exact-text snapshots in <c>Snapshots/{TestClass}.{TestMethod}#{HintName}.verified.cs</c>, Verify's naming.</summary>
/// <remarks>
/// Verify.Xunit cannot be restored here, so this is the small substitute STYLE.md asks for: exact
/// comparison (only <c>\r\n</c> is normalised), a <c>.received.cs</c> beside the snapshot on mismatch,
/// a DiffPlex line diff in the failure message, and acceptance only as a deliberate act
/// (<c>DEZERO_ACCEPT_SNAPSHOTS=1</c>, ignored whenever <c>CI</c> is set).
/// </remarks>
internal static class Snapshot
{
    public const string AcceptVariable = "DEZERO_ACCEPT_SNAPSHOTS";

    /// <summary>Compares <paramref name="actual"/> with its verified file, failing with a line diff.</summary>
    /// <param name="actual">The text produced by the code under test.</param>
    /// <param name="hintName">The generated file's hint name; a trailing <c>.cs</c> is dropped from the file name.</param>
    /// <param name="parameters">For a theory: the case name, appended to the method name as <c>_{parameters}</c>.</param>
    public static void Verify(
        string actual,
        string hintName,
        string? parameters = null,
        [CallerFilePath] string callerFile = "",
        [CallerMemberName] string callerMember = "")
    {
        var testClass = Path.GetFileNameWithoutExtension(callerFile);
        var path = PathFor(callerFile, testClass, callerMember, hintName, parameters);
        VerifyFile(actual, path);
    }

    /// <summary>The snapshot folder of the test sources: <c>Snapshots/</c> next to the calling file.</summary>
    public static string Directory([CallerFilePath] string callerFile = "") =>
        Path.Combine(FindProjectDirectory(Path.GetDirectoryName(callerFile)!), "Snapshots");

    /// <summary>The verified file a test would compare against.</summary>
    public static string PathFor(string callerFile, string testClass, string testMethod, string hintName, string? parameters = null)
    {
        var method = parameters is null ? testMethod : $"{testMethod}_{Sanitise(parameters)}";
        return Path.Combine(Directory(callerFile), $"{testClass}.{method}#{FileStem(hintName)}.verified.cs");
    }

    /// <summary>The name a hint name takes in a snapshot file: the hint name without its <c>.cs</c>.</summary>
    public static string FileStem(string hintName) =>
        Sanitise(hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName[..^3] : hintName);

    internal static void VerifyFile(string actual, string verifiedPath)
    {
        actual = Normalise(actual);
        var marker = verifiedPath.LastIndexOf(".verified.", StringComparison.Ordinal);
        var receivedPath = verifiedPath[..marker] + ".received." + verifiedPath[(marker + ".verified.".Length)..];
        var expected = File.Exists(verifiedPath) ? Normalise(File.ReadAllText(verifiedPath)) : null;

        if (expected == actual)
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        if (Accepting)
        {
            File.WriteAllText(verifiedPath, actual, Utf8NoBom);
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        File.WriteAllText(receivedPath, actual, Utf8NoBom);
        var message = new StringBuilder();
        message.Append(expected is null ? "No verified snapshot " : "Snapshot mismatch ").AppendLine(Path.GetFileName(verifiedPath));
        message.AppendLine($"Received text written to {receivedPath}");
        message.AppendLine($"Accept deliberately with {AcceptVariable}=1 (ignored when CI is set), then review the diff in git.");
        message.AppendLine();
        message.Append(expected is null ? Indent(actual, "+ ") : LineDiff(expected, actual));
        throw new XunitException(message.ToString());
    }

    /// <summary>A unified, line-numbered diff of two texts, unchanged lines far from a change elided.</summary>
    public static string LineDiff(string expected, string actual, int context = 3)
    {
        var diff = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false, ignoreCase: false);
        var lines = diff.Lines;
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type is ChangeType.Inserted or ChangeType.Deleted or ChangeType.Modified)
            {
                for (var j = Math.Max(0, i - context); j <= Math.Min(lines.Count - 1, i + context); j++)
                {
                    keep[j] = true;
                }
            }
        }

        var text = new StringBuilder();
        var skipped = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!keep[i])
            {
                skipped = true;
                continue;
            }

            if (skipped)
            {
                text.AppendLine("  ...");
                skipped = false;
            }

            var line = lines[i];
            var prefix = line.Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => "  ",
            };
            var number = line.Position is int p ? p.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(4) : "    ";
            text.Append(number).Append(' ').Append(prefix).AppendLine(Visible(line.Text));
        }

        return text.ToString();
    }

    private static bool Accepting =>
        Environment.GetEnvironmentVariable(AcceptVariable) == "1"
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    // Trailing whitespace is invisible in a failure message yet fails the exact comparison.
    private static string Visible(string line) =>
        line.Length > 0 && char.IsWhiteSpace(line[^1]) ? line + "⏎(trailing whitespace)" : line;

    private static string Indent(string text, string prefix)
    {
        var result = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            result.Append(prefix).AppendLine(line);
        }

        return result.ToString();
    }

    private static string Sanitise(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var result = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            result.Append(Array.IndexOf(invalid, c) >= 0 ? '_' : c);
        }

        return result.ToString();
    }

    private static readonly ConcurrentDictionary<string, string> ProjectDirectories = new();

    // CallerFilePath points into a subfolder (Infrastructure/, …); the snapshots live beside the project file.
    private static string FindProjectDirectory(string start) =>
        ProjectDirectories.GetOrAdd(start, static s =>
        {
            for (var dir = new DirectoryInfo(s); dir is not null; dir = dir.Parent)
            {
                if (dir.GetFiles("*.csproj").Length > 0)
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"No project file above {s}.");
        });
}
