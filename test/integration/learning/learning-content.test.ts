import qualifications from '../../../data/qualifications.json';
import hlta from '../../../data/hlta.json';
import ewc from '../../../data/ewc-registration.json';
import welshLearning from '../../../data/welsh-learning.json';
import pathways from '../../../data/pathways.json';
import { parseLearningContent } from '../../../bot/learning/learning-content';

const files = () => structuredClone({ qualifications, hlta, ewc, welshLearning, pathways });

describe('the content my learning shows: every fact with its source', () => {
  it('when the content files are read, then every one passes its checks', () => {
    expect(() => parseLearningContent(files())).not.toThrow();
  });

  it('when a fact loses its source, then the file fails, naming the file and the field', () => {
    const broken = files();
    delete (broken.hlta.requirements[0] as { source?: string }).source;
    expect(() => parseLearningContent(broken)).toThrow(/content file hlta\.json[\s\S]*requirements\.0\.source/);
  });

  it('when a fee is not dated, then the file fails', () => {
    const broken = files();
    delete (broken.ewc.fees[0] as { asOf?: string }).asOf;
    expect(() => parseLearningContent(broken)).toThrow(/content file ewc-registration\.json[\s\S]*fees\.0\.asOf/);
  });

  it('when an offer links deeper than a site root, or names a Welsh level that does not exist, then the file fails', () => {
    const deep = files();
    deep.welshLearning.offers[0]!.site.en = 'https://hwb.gov.wales/some/page';
    expect(() => parseLearningContent(deep)).toThrow(/welsh-learning\.json[\s\S]*site\.en/);
    const level = files();
    level.welshLearning.offers[0]!.forLevels = ['klingon'];
    expect(() => parseLearningContent(level)).toThrow(/unknown Welsh levels klingon/);
  });

  it('when a fact lacks its Welsh, then the file fails', () => {
    const broken = files();
    (broken.hlta.about[0]!.text as { cy?: string }).cy = ' ';
    expect(() => parseLearningContent(broken)).toThrow(/hlta\.json[\s\S]*about\.0\.text\.cy/);
  });
});
