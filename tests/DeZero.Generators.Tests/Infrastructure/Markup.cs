using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace DeZero.Generators.Tests.Infrastructure;

/// <summary>An expected diagnostic: its ID and the exact span it must be reported at.</summary>
internal readonly record struct ExpectedDiagnostic(string Kind, string Id, TextSpan Span)
{
    public override string ToString() => $"{Id} ({Kind}) at {Span}";
}

/// <summary>
/// Parses <c>{|Kind:text|}</c> markers out of test source, as Roslyn's own test markup does: the
/// marker is removed and <c>text</c>'s span is recorded under <see cref="DiagnosticIds.Of"/>(Kind).
/// Markers nest (a call inside a method that is itself wrong).
/// </summary>
internal static class Markup
{
    public static (string Source, IReadOnlyList<ExpectedDiagnostic> Expected) Parse(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var expected = new List<ExpectedDiagnostic>();
        var open = new Stack<(string Kind, int Start)>();
        var i = 0;
        while (i < markup.Length)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon < 0)
                {
                    throw new FormatException($"Unterminated marker at {i}.");
                }

                open.Push((markup[(i + 2)..colon], source.Length));
                i = colon + 1;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}')
            {
                if (open.Count == 0)
                {
                    throw new FormatException($"'|}}' without '{{|' at {i}.");
                }

                var (kind, start) = open.Pop();
                expected.Add(new ExpectedDiagnostic(kind, DiagnosticIds.Of(kind), TextSpan.FromBounds(start, source.Length)));
                i += 2;
            }
            else
            {
                source.Append(markup[i]);
                i++;
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException($"{open.Count} marker(s) not closed.");
        }

        expected.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : string.CompareOrdinal(a.Id, b.Id));
        return (source.ToString(), expected);
    }
}
