using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DeZero.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeZero.Generators.Parsing;

// Switch statements and switch expressions over double, int and bool, lowered to the if/else chains and conditionals
// they stand for: the calculus sees nothing new.
internal sealed partial class BodyParser
{
    private const string SwitchValueAdvice = "switch on a double, int or bool value";

    /// <summary>The exits of the switch statements being parsed: a break to one of them leaves a section, not a loop.</summary>
    private readonly HashSet<ILabelSymbol> _switchExits = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// <c>switch (v) { case …: … }</c> as <c>if (v matches section 1) { … } else if (…) { … } else { default }</c>, in the order
    /// written, the value read once. Each section's closing <c>break</c> is dropped.
    /// </summary>
    private void ParseSwitch(ISwitchOperation switchStatement, List<Stmt> statements)
    {
        if (Symbols.KindOf(switchStatement.Value.Type) is null)
        {
            Unsupported(switchStatement.Value, SwitchValueAdvice);
            return;
        }

        if (SharedLocal(switchStatement) is { } shared)
        {
            Unsupported(switchStatement, $"'{shared.Name}' is declared in one section and used in another; declare it before the switch");
            return;
        }

        var subject = Subject(switchStatement.Value);
        var sections = new List<(Expr? Test, Block Body, bool IsDefault)>();
        foreach (var section in switchStatement.Cases)
        {
            Expr? test = null;
            foreach (var clause in section.Clauses.Where(c => c is not IDefaultCaseClauseOperation))
            {
                if (Matches(clause, subject) is not { } matches)
                {
                    return;
                }

                test = test is null ? matches : new Binary(BinaryOp.ConditionalOr, test, matches, ValueKind.Bool);
            }

            sections.Add((test, ParseSection(section.Body, switchStatement.ExitLabel), section.Clauses.Any(c => c is IDefaultCaseClauseOperation)));
        }

        // A default section also reached through case labels of its own is tested in its place, and is the last resort too.
        var chain = sections.Where(s => s.IsDefault).Select(s => s.Body).FirstOrDefault();
        for (var i = sections.Count - 1; i >= 0; i--)
        {
            if (sections[i].Test is { } test)
            {
                chain = new Block(EquatableArray.Of<Stmt>(new If(test, sections[i].Body, chain)));
            }
        }

        if (chain is not null)
        {
            statements.Add(chain.Statements.Count == 1 && chain.Statements[0] is If single ? single : chain);
        }
    }

    /// <summary>When a case label matches: its constant, or its pattern and its <c>when</c> clause.</summary>
    private Expr? Matches(ICaseClauseOperation clause, Expr subject)
    {
        switch (clause)
        {
            case ISingleValueCaseClauseOperation single:
                return EqualTo(subject, Widen(Parse(single.Value), subject.Kind));
            case IPatternCaseClauseOperation patternClause:
                {
                    var matches = Matches(patternClause.Pattern, subject);
                    return patternClause.Guard is { } guard ? Guarded(matches, guard) : matches;
                }

            default:
                Unsupported(clause, PatternAdvice);
                return null;
        }
    }

    /// <summary><c>pattern when guard</c>: both must hold; a guard that assigns is refused (it would run whether or not the pattern matched).</summary>
    private Expr? Guarded(Expr? matches, IOperation guard)
    {
        var (effects, condition) = Separately(() => ParseCondition(guard));
        if (effects.Count > 0)
        {
            Unsupported(guard, "a when clause that assigns is not taken; assign before the switch");
            return null;
        }

        return matches is null ? null : Both(matches, condition);
    }

    /// <summary>A section's statements, without the <c>break</c> that ends it; any other break out of the switch is refused.</summary>
    private Block ParseSection(ImmutableArray<IOperation> body, ILabelSymbol exit)
    {
        var ends = body.Length > 0 && body[body.Length - 1] is IBranchOperation { BranchKind: BranchKind.Break } last
            && SymbolEqualityComparer.Default.Equals(last.Target, exit);
        _switchExits.Add(exit);
        try
        {
            return ParseStatements(ends ? body.RemoveAt(body.Length - 1) : body);
        }
        finally
        {
            _switchExits.Remove(exit);
        }
    }

    /// <summary>A local that one section declares and another uses (legal in C#, whose sections share one scope).</summary>
    private static ILocalSymbol? SharedLocal(ISwitchOperation switchStatement)
    {
        foreach (var local in switchStatement.Locals.Concat(switchStatement.Cases.SelectMany(c => c.Locals)))
        {
            var sections = switchStatement.Cases.Count(c => c.Descendants().Any(d =>
                (d is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                || (d is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))));
            if (sections > 1)
            {
                return local;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>v switch { p1 =&gt; e1, … }</c>: nested conditionals when every arm is a plain value and the switch is exhaustive;
    /// otherwise an if/else chain assigning a temporary, each arm's effects and throws in its own branch, and where no arm
    /// matches, the exception C# throws, a <c>SwitchExpressionException</c> carrying the value.
    /// </summary>
    private Expr ParseSwitchExpression(ISwitchExpressionOperation switchExpression, ValueKind kind)
    {
        if (Symbols.KindOf(switchExpression.Value.Type) is null)
        {
            return Unsupported(switchExpression.Value, SwitchValueAdvice);
        }

        if (_arrays && !switchExpression.IsExhaustive)
        {
            return Unsupported(switchExpression, "it matches not every value, and a method with array or span parameters cannot throw yet; end it with a discard arm (_ => …)");
        }

        var subject = Subject(switchExpression.Value);
        var arms = new List<(Expr Test, Block Body, Expr? Value)>();
        foreach (var arm in switchExpression.Arms)
        {
            var test = Matches(arm.Pattern, subject);
            test = arm.Guard is { } guard ? Guarded(test, guard) : test;
            if (test is null)
            {
                return Placeholder(switchExpression);
            }

            if (ThrowIn(arm.Value) is { } thrown)
            {
                Throw? statement = null;
                var (throwEffects, _) = Separately(() =>
                {
                    statement = ParseThrow(thrown);
                    return Constant.Zero;
                });
                arms.Add((test, new Block(throwEffects.Concat(statement is null ? [] : [statement]).ToEquatableArray()), null));
                continue;
            }

            var (effects, value) = Separately(() => Parse(arm.Value));
            arms.Add((test, new Block(effects.ToEquatableArray()), Widen(value, kind)));
        }

        if (switchExpression.IsExhaustive && arms.All(a => a.Value is not null && a.Body.Statements.Count == 0))
        {
            var result = arms[arms.Count - 1].Value!;
            for (var i = arms.Count - 2; i >= 0; i--)
            {
                result = new Conditional(arms[i].Test, arms[i].Value!, result, kind);
            }

            return result;
        }

        var name = Fresh("switch");
        Block Arm(int i) => arms[i].Value is { } value
            ? new Block(arms[i].Body.Statements.Append(new Assign(name, value)).ToEquatableArray())
            : arms[i].Body;

        // Exhaustive: where every other arm failed, the last one matches (C# has proven it), so it needs no test.
        var unmatched = new Throw(new Verbatim(
            EquatableArray.Of("new global::System.Runtime.CompilerServices.SwitchExpressionException(", ")"),
            EquatableArray.Of(subject)));
        var chain = switchExpression.IsExhaustive ? Arm(arms.Count - 1) : new Block(EquatableArray.Of<Stmt>(unmatched));
        for (var i = arms.Count - (switchExpression.IsExhaustive ? 2 : 1); i >= 0; i--)
        {
            chain = new Block(EquatableArray.Of<Stmt>(new If(arms[i].Test, Arm(i), chain)));
        }

        _effects.Add(new Declare(name, kind, null));
        _effects.AddRange(chain.Statements);
        return new Model.Variable(name, kind);
    }
}
