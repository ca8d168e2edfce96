package org.charscope.ui.chart;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;

/**
 * Runs a node's drawing timer only while the node is in a scene: a timer left running after
 * its view was taken out of the window would keep drawing, and keep the view alive, for nothing.
 */
public final class SceneTimer {

    private SceneTimer() {
    }

    /** Runs {@code frame} once every frame while {@code node} is in a scene (a view that redraws what changed). */
    public static void eachFrameInScene(Node node, Runnable frame) {
        runWhileInScene(node, new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame.run();
            }
        });
    }

    public static void runWhileInScene(Node node, AnimationTimer timer) {
        node.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                timer.stop();
            } else {
                timer.start();
            }
        });
    }
}
