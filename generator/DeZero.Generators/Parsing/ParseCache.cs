using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using DeZero.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DeZero.Generators.Parsing;

/// <summary>
/// Keeps each method's parse from one generator run to the next for as long as parsing again provably gives the
/// same result. Roslyn re-runs every <c>ForAttributeWithMetadataName</c> transform whenever the compilation changes,
/// so without this one keystroke binds every [Differentiable] body of the project again.
/// </summary>
/// <remarks>
/// <para>A result is reused in a new compilation only when both hold:</para>
/// <list type="bullet">
/// <item>The compilation declares the same things as the one the result was parsed in: the same options, references,
/// and trees (paths and parse options), each tree the same object or equivalent outside method bodies and
/// non-const field initializers. That is Roslyn's top-level equivalence, which the IDE uses to decide that an edit
/// cannot change the meaning of other documents: every type, signature, attribute, using and constant is the same.
/// </item>
/// <item>Every tree whose text the parse read is the very same tree object: the method's own, the trees of the
/// [Differentiable] callees whose bodies it parsed (transitively), and any a diagnostic points into.</item>
/// </list>
/// <para>Binding a method body depends on nothing else, so an edit inside one body re-parses only the methods in
/// that file and those that call into it. Anything else, a changed signature, constant, attribute or reference,
/// starts a new generation in which every method is parsed afresh.</para>
/// </remarks>
internal sealed class ParseCache
{
    /// <summary>Compilations remembered to compare a new one against: the IDE may alternate between a few projects.</summary>
    private const int RecentCompilations = 4;

    private readonly object _gate = new();
    private readonly ConditionalWeakTable<Compilation, Generation> _generations = new();
    private readonly List<WeakReference<Compilation>> _recent = [];
    private readonly ConditionalWeakTable<SyntaxTree, Dictionary<TextSpan, Entry>> _entries = new();

    /// <summary>The parse of <paramref name="node"/>: the earlier one while it still holds, otherwise a new one, remembered.</summary>
    public ParseResult Parse(SyntaxNode node, ISymbol symbol, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var compilation = semanticModel.Compilation;
        if (TryGet(node, compilation) is { } earlier)
        {
            return earlier;
        }

        var checker = new CalleeChecker(semanticModel, cancellationToken);
        var result = MethodParser.Parse(node, symbol, semanticModel, checker, cancellationToken);
        Add(node, compilation, result, checker.ReadTrees); // not reached when the parse throws: such a result is never kept
        return result;
    }

    /// <summary>The result parsed earlier for <paramref name="node"/>, if it is still what parsing it in <paramref name="compilation"/> gives.</summary>
    public ParseResult? TryGet(SyntaxNode node, Compilation compilation)
    {
        var generation = GenerationOf(compilation);
        Entry? entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(node.SyntaxTree, out var entries) || !entries.TryGetValue(node.Span, out entry))
            {
                return null;
            }
        }

        if (entry.Generation != generation)
        {
            return null;
        }

        foreach (var read in entry.ReadTrees)
        {
            if (!read.TryGetTarget(out var tree) || !compilation.ContainsSyntaxTree(tree))
            {
                return null;
            }
        }

        return entry.Result;
    }

    /// <summary>Remembers what parsing <paramref name="node"/> in <paramref name="compilation"/> gave, having read <paramref name="readTrees"/>.</summary>
    private void Add(SyntaxNode node, Compilation compilation, ParseResult result, IReadOnlyCollection<SyntaxTree> readTrees)
    {
        // A location in a file the parse did not record reading would go stale unseen: such a result is not kept.
        var paths = new HashSet<string>(readTrees.Select(t => t.FilePath), StringComparer.Ordinal) { node.SyntaxTree.FilePath };
        if (result.Diagnostics.Any(d => d.Location is { } l && !paths.Contains(l.FilePath))
            || result.Pending.Any(p => p.Location is { } l && !paths.Contains(l.FilePath)))
        {
            return;
        }

        var read = readTrees.Append(node.SyntaxTree).Distinct().Select(t => new WeakReference<SyntaxTree>(t)).ToArray();
        var entry = new Entry(GenerationOf(compilation), result, read);
        lock (_gate)
        {
            _entries.GetValue(node.SyntaxTree, static _ => [])[node.Span] = entry;
        }
    }

    private Generation GenerationOf(Compilation compilation)
    {
        if (_generations.TryGetValue(compilation, out var known))
        {
            return known;
        }

        lock (_gate)
        {
            if (_generations.TryGetValue(compilation, out known))
            {
                return known;
            }

            Generation? generation = null;
            _recent.RemoveAll(r => !r.TryGetTarget(out _));
            foreach (var recent in _recent)
            {
                if (recent.TryGetTarget(out var earlier) && DeclareTheSame(earlier, compilation) && _generations.TryGetValue(earlier, out var shared))
                {
                    generation = shared;
                    break;
                }
            }

            generation ??= new Generation();
            _generations.Add(compilation, generation);
            _recent.Insert(0, new WeakReference<Compilation>(compilation));
            if (_recent.Count > RecentCompilations)
            {
                _recent.RemoveAt(_recent.Count - 1);
            }

            return generation;
        }
    }

    /// <summary>Whether two compilations differ at most inside method bodies and non-const field initializers.</summary>
    private static bool DeclareTheSame(Compilation before, Compilation after)
    {
        if (before.Language != after.Language
            || before.AssemblyName != after.AssemblyName
            || before.ScriptCompilationInfo is not null
            || after.ScriptCompilationInfo is not null
            || !before.Options.Equals(after.Options)
            || !before.ExternalReferences.SequenceEqual(after.ExternalReferences))
        {
            return false;
        }

        using var treesBefore = before.SyntaxTrees.GetEnumerator();
        using var treesAfter = after.SyntaxTrees.GetEnumerator();
        while (true)
        {
            var more = treesBefore.MoveNext();
            if (more != treesAfter.MoveNext())
            {
                return false;
            }

            if (!more)
            {
                return true;
            }

            var (a, b) = (treesBefore.Current, treesAfter.Current);
            if (a != b && (a.FilePath != b.FilePath || !a.Options.Equals(b.Options) || !a.IsEquivalentTo(b, topLevel: true)))
            {
                return false;
            }
        }
    }

    /// <summary>A set of compilations that declare the same things; compared by reference.</summary>
    private sealed class Generation;

    private sealed record Entry(Generation Generation, ParseResult Result, WeakReference<SyntaxTree>[] ReadTrees);
}
