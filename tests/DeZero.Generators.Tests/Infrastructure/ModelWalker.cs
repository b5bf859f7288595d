using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace DeZero.Generators.Tests.Infrastructure;

/// <summary>
/// Walks a pipeline value by reflection: every field (so records' backing fields and private state),
/// recursively, and every item of a collection. It descends into the generator's own types, arrays,
/// collections and tuples; any other type is a leaf. That keeps the walk off Roslyn and BCL internals
/// (a <see cref="DiagnosticDescriptor"/> holds a ResourceManager) while seeing all of our models.
/// </summary>
internal static class ModelWalker
{
    /// <summary>Types that pin a compilation in memory or compare by reference: never allowed in a model.</summary>
    private static readonly Type[] Forbidden =
    [
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxToken), typeof(SyntaxTrivia), typeof(SyntaxTree),
        typeof(SyntaxReference), typeof(Location), typeof(SemanticModel), typeof(Compilation), typeof(IOperation),
        typeof(Diagnostic), typeof(AttributeData), typeof(TypedConstant), typeof(Microsoft.CodeAnalysis.Text.SourceText),
    ];

    /// <summary>Every forbidden object reachable from <paramref name="root"/>, as <c>path: type</c>.</summary>
    public static List<string> FindRoslynObjects(object? root, string rootName)
    {
        var found = new List<string>();
        Walk(root, rootName, (path, value) =>
        {
            if (IsForbidden(value.GetType()))
            {
                found.Add($"{path}: {value.GetType().FullName}");
                return false;
            }

            return true;
        });
        return found;
    }

    /// <summary>Every string reachable from <paramref name="root"/>.</summary>
    public static HashSet<string> Strings(object? root)
    {
        var strings = new HashSet<string>(StringComparer.Ordinal);
        Walk(root, "", (_, value) =>
        {
            if (value is string s)
            {
                strings.Add(s);
            }

            return true;
        });
        return strings;
    }

    public static bool IsForbidden(Type type)
    {
        foreach (var forbidden in Forbidden)
        {
            if (forbidden.IsAssignableFrom(type))
            {
                return true;
            }
        }

        return false;
    }

    private static void Walk(object? root, string rootName, Func<string, object, bool> visit)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(object Value, string Path, int Depth)>();
        if (root is not null)
        {
            pending.Push((root, rootName, 0));
        }

        while (pending.Count > 0)
        {
            var (value, path, depth) = pending.Pop();
            var type = value.GetType();
            if (!type.IsValueType && !seen.Add(value))
            {
                continue;
            }

            if (!visit(path, value) || depth > 64 || !ShouldDescend(type))
            {
                continue;
            }

            if (value is IEnumerable items and not string)
            {
                var index = 0;
                foreach (var item in items)
                {
                    if (item is not null)
                    {
                        pending.Push((item, $"{path}[{index}]", depth + 1));
                    }

                    index++;
                }
            }

            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                    {
                        continue;
                    }

                    if (field.GetValue(value) is { } child)
                    {
                        pending.Push((child, $"{path}.{Readable(field.Name)}", depth + 1));
                    }
                }
            }
        }
    }

    private static bool ShouldDescend(Type type)
    {
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal))
        {
            return false;
        }

        if (type.Assembly == typeof(DifferentiableGenerator).Assembly || type.IsArray || typeof(ITuple).IsAssignableFrom(type))
        {
            return true;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var ns = definition.Namespace ?? "";
            return ns.StartsWith("System.Collections", StringComparison.Ordinal)
                || definition == typeof(KeyValuePair<,>)
                || definition == typeof(Nullable<>);
        }

        return false;
    }

    // "<Name>k__BackingField" reads better as "Name" in a failure message.
    private static string Readable(string fieldName) =>
        fieldName.StartsWith('<') && fieldName.IndexOf('>') is var end and > 0 ? fieldName[1..end] : fieldName;
}
