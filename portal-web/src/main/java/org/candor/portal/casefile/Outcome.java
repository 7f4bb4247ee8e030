package org.candor.portal.casefile;

/** How a concluded case ended (Directive 2019/1937 art. 9(1)(f) feedback). */
public enum Outcome {
    SUBSTANTIATED,
    UNSUBSTANTIATED,
    REFERRED
}
