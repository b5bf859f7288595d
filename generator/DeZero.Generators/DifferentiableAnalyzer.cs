using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DeZero.Generators.Diagnostics;
using DeZero.Generators.Model;
using DeZero.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeZero.Generators;

/// <summary>
/// Reports DZ0003 (a call to a function that is not differentiable) at the call, from the generator's
/// own parsing code. A generator's diagnostics reach the IDE without a code fix; an analyzer's carry one.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DifferentiableAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.NotDifferentiableCall];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            // The [DerivativeOf] registrations of this compilation, gathered on first need and shared by every method.
            var registry = new Registry(start.Compilation);
            start.RegisterSyntaxNodeAction(node => Analyze(node, registry), SyntaxKind.MethodDeclaration);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, Registry registry)
    {
        var node = (MethodDeclarationSyntax)context.Node;
        if (node.AttributeLists.Count == 0
            || context.SemanticModel.GetDeclaredSymbol(node, context.CancellationToken) is not { } method
            || !CarriesDifferentiable(method, node))
        {
            return;
        }

        ParseResult result;
        try
        {
            var checker = new CalleeChecker(context.SemanticModel, context.CancellationToken);
            result = MethodParser.Parse(node, method, context.SemanticModel, checker, context.CancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return; // The generator reports it as DZ9999 on this method.
        }

        // What the generator would report as DZ0003: calls that can never take a supplied derivative, and
        // calls that could but have none registered (a call inside a callee is the callee's DZ0003, not ours).
        var unresolved = result.Pending
            .Where(pending => pending.Via is null && !registry.Contains(pending.Key, context.CancellationToken))
            .Select(pending => (pending.Location, Arguments: EquatableArray.Of(pending.Display, pending.Advice)));
        var found = result.Diagnostics
            .Where(diagnostic => diagnostic.Id == Descriptors.NotDifferentiableCall.Id)
            .Select(diagnostic => (diagnostic.Location, diagnostic.Arguments));
        foreach (var (location, arguments) in found.Concat(unresolved).Distinct())
        {
            if (location is not null && location.FilePath == node.SyntaxTree.FilePath)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.NotDifferentiableCall, Location.Create(node.SyntaxTree, location.Span), [.. arguments]));
            }
        }
    }

    /// <summary>The attribute on this declaration, as the generator's ForAttributeWithMetadataName finds it.</summary>
    private static bool CarriesDifferentiable(IMethodSymbol method, MethodDeclarationSyntax node) =>
        method.GetAttributes().Any(attribute =>
            attribute.AttributeClass?.ToDisplayString() == Symbols.DifferentiableAttribute
            && attribute.ApplicationSyntaxReference is { } reference
            && reference.SyntaxTree == node.SyntaxTree
            && node.Span.Contains(reference.Span));

    /// <summary>
    /// The documentation ids of the functions this compilation supplies derivatives for, read by the
    /// generator's RegistrationParser so a registration it rejects (DZ0019-DZ0021) settles nothing here either.
    /// Built once, by whichever method needs it first; a cancelled build is left for the next caller.
    /// </summary>
    private sealed class Registry(Compilation compilation)
    {
        private readonly object _gate = new();
        private HashSet<string>? _keys;

        public bool Contains(string key, CancellationToken cancellationToken)
        {
            var keys = Volatile.Read(ref _keys);
            if (keys is null)
            {
                lock (_gate)
                {
                    keys = _keys ??= Build(compilation.Assembly.GlobalNamespace, cancellationToken);
                }
            }

            return keys.Contains(key);
        }

        private static HashSet<string> Build(INamespaceSymbol global, CancellationToken cancellationToken)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var namespaces = new Stack<INamespaceSymbol>([global]);
            var types = new Stack<INamedTypeSymbol>();
            while (namespaces.Count > 0)
            {
                var current = namespaces.Pop();
                foreach (var child in current.GetNamespaceMembers())
                {
                    namespaces.Push(child);
                }

                foreach (var type in current.GetTypeMembers())
                {
                    types.Push(type);
                }
            }

            while (types.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var type = types.Pop();
                foreach (var nested in type.GetTypeMembers())
                {
                    types.Push(nested);
                }

                foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
                {
                    foreach (var attribute in method.GetAttributes())
                    {
                        if (attribute.AttributeClass?.ToDisplayString() == Symbols.DerivativeOfAttribute
                            && RegistrationParser.Parse(method, attribute, location: null).Registration is { } registration)
                        {
                            keys.Add(registration.Key);
                        }
                    }
                }
            }

            return keys;
        }
    }
}
