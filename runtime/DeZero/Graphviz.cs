using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;

namespace DeZero;

/// <summary>Pictures of the graph behind a variable, as DeZero's <c>get_dot_graph</c> and <c>plot_dot_graph</c> draw them.</summary>
public static class Graphviz
{
    private static readonly TimeSpan RenderTimeout = TimeSpan.FromMinutes(1);

    /// <summary>The graph that produced <paramref name="output"/> in Graphviz's DOT language (DeZero's <c>get_dot_graph</c>).</summary>
    /// <remarks>
    /// Variables are orange ellipses labelled with their name and, when <paramref name="verbose"/>, their shape and
    /// <c>float64</c> (<c>x: (2, 3) float64</c>); functions are blue boxes labelled with their class name. Functions are
    /// visited as DeZero visits them, from the output's creator back through each input's creator, and each function
    /// lists its input edges in input order, then its output edge. Node ids count up from 0 in order of first mention, so
    /// the same graph always gives the same text. A variable or function reached twice is written once.
    /// </remarks>
    /// <param name="output">The variable whose graph to draw.</param>
    /// <param name="verbose">Show each variable's shape and dtype after its name.</param>
    public static string ToDot(this Variable output, bool verbose = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        var ids = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        var written = new HashSet<Variable>(ReferenceEqualityComparer.Instance);
        var text = new StringBuilder("digraph g {\n");

        WriteVariable(text, ids, written, output, verbose);

        // A stack, as DeZero's funcs.pop(): the same order its pictures have.
        var pending = new Stack<Function>();
        var seen = new HashSet<Function>(ReferenceEqualityComparer.Instance);
        if (output.Creator is { } creator)
        {
            pending.Push(creator);
            seen.Add(creator);
        }

        while (pending.TryPop(out var function))
        {
            WriteFunction(text, ids, function);
            foreach (var input in function.Inputs)
            {
                WriteVariable(text, ids, written, input, verbose);
                if (input.Creator is { } inputCreator && seen.Add(inputCreator))
                {
                    pending.Push(inputCreator);
                }
            }
        }

        return text.Append('}').ToString();
    }

    /// <summary>Draws the graph behind <paramref name="output"/> into an image by running Graphviz's <c>dot</c> (DeZero's <c>plot_dot_graph</c>).</summary>
    /// <remarks>
    /// The format is the file's extension (<c>.png</c>, <c>.svg</c>, <c>.pdf</c>, anything <c>dot -T</c> accepts).
    /// Graphviz must be installed with <c>dot</c> on the <c>PATH</c>; when it is not, this throws an
    /// <see cref="InvalidOperationException"/> saying how to install it, and <see cref="ToDot"/> still gives the text.
    /// </remarks>
    /// <param name="output">The variable whose graph to draw.</param>
    /// <param name="path">The image file to write; its folder must exist.</param>
    /// <param name="verbose">Show each variable's shape and dtype after its name.</param>
    public static void Render(this Variable output, string path, bool verbose = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var format = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        if (format.Length == 0 || !IsFormatName(format))
        {
            throw new ArgumentException(
                $"The image format comes from the file's extension, and '{path}' has none that Graphviz could name; use for example graph.png or graph.svg.",
                nameof(path));
        }

        var dot = ToDot(output, verbose);
        var start = new ProcessStartInfo("dot")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-T" + format);
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add(Path.GetFullPath(path));

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Graphviz's dot could not be started.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                "Rendering a graph needs Graphviz's 'dot' program on the PATH, and it was not found. Install Graphviz " +
                "(Debian or Ubuntu: apt-get install graphviz; macOS: brew install graphviz; Windows: winget install graphviz) " +
                "or write Graphviz.ToDot(output) to a .dot file and render it elsewhere.",
                e);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            try
            {
                process.StandardInput.Write(dot);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // dot stopped reading, for instance on an unknown format; its exit code and message say why, below.
            }

            if (!process.WaitForExit(RenderTimeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Graphviz's dot did not finish rendering '{path}' within {RenderTimeout.TotalSeconds:0} seconds.");
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"Graphviz's dot exited with code {process.ExitCode.ToString(CultureInfo.InvariantCulture)} rendering '{path}': {stderr.Result.Trim()}{stdout.Result.Trim()}");
            }
        }
    }

    private static void WriteVariable(StringBuilder text, Dictionary<object, int> ids, HashSet<Variable> written, Variable variable, bool verbose)
    {
        if (!written.Add(variable))
        {
            return;
        }

        var label = variable.Name ?? string.Empty;
        if (verbose)
        {
            if (variable.Name is not null)
            {
                label += ": ";
            }

            label += PythonShape(variable.Shape) + " float64";
        }

        text.Append(CultureInfo.InvariantCulture, $"{Id(ids, variable)} [label=\"{Escape(label)}\", color=orange, style=filled]\n");
    }

    private static void WriteFunction(StringBuilder text, Dictionary<object, int> ids, Function function)
    {
        var id = Id(ids, function);
        text.Append(CultureInfo.InvariantCulture, $"{id} [label=\"{Escape(ClassName(function.GetType()))}\", color=lightblue, style=filled, shape=box]\n");
        foreach (var input in function.Inputs)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Id(ids, input)} -> {id}\n");
        }

        foreach (var output in function.Outputs)
        {
            text.Append(CultureInfo.InvariantCulture, $"{id} -> {Id(ids, output)}\n");
        }
    }

    private static int Id(Dictionary<object, int> ids, object node)
    {
        if (!ids.TryGetValue(node, out var id))
        {
            id = ids.Count;
            ids.Add(node, id);
        }

        return id;
    }

    // numpy prints shapes as Python tuples: (), (3,), (2, 3).
    private static string PythonShape(IReadOnlyList<int> shape) =>
        shape.Count == 1
            ? "(" + shape[0].ToString(CultureInfo.InvariantCulture) + ",)"
            : "(" + string.Join(", ", EnumerateInvariant(shape)) + ")";

    private static IEnumerable<string> EnumerateInvariant(IReadOnlyList<int> values)
    {
        foreach (var value in values)
        {
            yield return value.ToString(CultureInfo.InvariantCulture);
        }
    }

    // Python's __class__.__name__: the simple name, without a generic arity suffix.
    private static string ClassName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    private static string Escape(string label) =>
        label.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    private static bool IsFormatName(string format)
    {
        foreach (var c in format)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
