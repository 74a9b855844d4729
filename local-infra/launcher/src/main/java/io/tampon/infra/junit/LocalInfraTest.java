package io.tampon.infra.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an integration test that uses the real local infrastructure; test methods and constructors may declare a
 * {@link io.tampon.infra.LocalInfrastructure} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalInfraExtension.class)
public @interface LocalInfraTest {
}
