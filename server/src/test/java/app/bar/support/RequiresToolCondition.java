package app.bar.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Evaluates {@link RequiresTool}; prints each missing tool's line once per test JVM. */
final class RequiresToolCondition implements ExecutionCondition {

    private static final Set<TestTools.Tool> ANNOUNCED = ConcurrentHashMap.newKeySet();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var annotation = AnnotationSupport.findAnnotation(context.getElement(), RequiresTool.class);
        if (annotation.isEmpty()) {
            return ConditionEvaluationResult.enabled("no tool required");
        }
        TestTools tools = TestTools.current();
        for (TestTools.Tool tool : annotation.get().value()) {
            var reason = tools.skipReason(tool);
            if (reason.isPresent()) {
                String line = reason.get();
                if (ANNOUNCED.add(tool)) {
                    System.out.println("[bar-tests] " + line);
                }
                return ConditionEvaluationResult.disabled(line);
            }
        }
        return ConditionEvaluationResult.enabled("tools present (or CI=true: run and fail without them)");
    }
}
