package fr.boussole.store.theme;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A theme young people choose from; its id is one of the fixed theme ids. */
@Document("themes")
public class Theme {

    @Id
    private String id;
    private String label;
    private int position;
    private List<SubTheme> subThemes = new ArrayList<>();

    protected Theme() {}

    public Theme(String id, String label, int position, List<SubTheme> subThemes) {
        this.id = id;
        this.label = label;
        this.position = position;
        this.subThemes = new ArrayList<>(subThemes);
    }

    public String getId() { return id; }
    public String getLabel() { return label; }
    public int getPosition() { return position; }
    public List<SubTheme> getSubThemes() { return subThemes; }
}
